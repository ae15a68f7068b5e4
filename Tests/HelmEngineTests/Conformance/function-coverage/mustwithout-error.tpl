{{ mustWithout (dict) 1 }}
