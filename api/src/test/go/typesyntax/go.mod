module typesyntax

go 1.19
