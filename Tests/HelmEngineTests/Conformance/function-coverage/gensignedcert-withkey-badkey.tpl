{{ $ca := genCA "ca" 1 }}{{ genSignedCertWithKey "x" nil nil 1 $ca "not a key" }}
