{{ default "d" nil }}
