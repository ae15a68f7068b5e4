{{ reverse 1.5 }}
