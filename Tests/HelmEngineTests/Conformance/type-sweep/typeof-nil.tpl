{{ typeOf nil }}
