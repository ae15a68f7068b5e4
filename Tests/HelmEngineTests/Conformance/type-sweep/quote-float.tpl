{{ quote 1.5 }}
