hello world
line two
