{{ toString 3 }}
