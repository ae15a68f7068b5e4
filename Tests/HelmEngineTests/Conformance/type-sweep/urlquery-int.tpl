{{ urlquery 3 }}
