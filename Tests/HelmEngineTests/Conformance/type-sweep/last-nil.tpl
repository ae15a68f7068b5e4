{{ last nil }}
