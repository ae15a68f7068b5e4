{{ urlquery nil }}
