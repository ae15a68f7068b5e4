{{ empty nil }}
