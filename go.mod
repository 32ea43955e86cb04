module github.com/covetpy/covetgen

go 1.24
