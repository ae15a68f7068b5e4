{{ genSelfSignedCertWithKey "x" nil nil 1 "not a key" }}
