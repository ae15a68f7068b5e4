{{ compact nil }}
