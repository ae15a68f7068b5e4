{{ quote 3 }}
