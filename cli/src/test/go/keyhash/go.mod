module keyhashvec

go 1.19
