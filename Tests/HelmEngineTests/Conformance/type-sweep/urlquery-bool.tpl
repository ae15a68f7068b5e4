{{ urlquery true }}
