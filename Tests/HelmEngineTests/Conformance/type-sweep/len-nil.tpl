{{ len nil }}
