{{ reverse 3 }}
