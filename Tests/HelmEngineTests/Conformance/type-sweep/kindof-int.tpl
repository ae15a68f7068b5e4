{{ kindOf 3 }}
