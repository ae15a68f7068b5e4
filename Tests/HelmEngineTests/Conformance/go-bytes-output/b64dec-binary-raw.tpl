{{ b64dec "/w==" }}|{{ b64dec "gIGC" }}|{{ b64dec "4pyT/w==" }}
