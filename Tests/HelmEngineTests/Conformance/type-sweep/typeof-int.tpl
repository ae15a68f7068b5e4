{{ typeOf 3 }}
