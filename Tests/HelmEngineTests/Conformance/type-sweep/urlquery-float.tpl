{{ urlquery 1.5 }}
