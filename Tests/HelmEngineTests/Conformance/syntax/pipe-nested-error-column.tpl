line1
  {{ print (len 3) }}