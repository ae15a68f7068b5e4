{{ empty true }}
