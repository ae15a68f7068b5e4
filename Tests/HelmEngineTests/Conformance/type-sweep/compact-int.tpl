{{ compact 3 }}
