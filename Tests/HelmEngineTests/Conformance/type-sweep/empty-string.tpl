{{ empty "s" }}
