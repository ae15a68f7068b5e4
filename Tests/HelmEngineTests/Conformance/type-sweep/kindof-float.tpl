{{ kindOf 1.5 }}
