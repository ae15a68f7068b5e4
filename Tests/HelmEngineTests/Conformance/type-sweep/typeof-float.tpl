{{ typeOf 1.5 }}
