{{ print nil }}
