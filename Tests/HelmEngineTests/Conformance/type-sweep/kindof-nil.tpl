{{ kindOf nil }}
