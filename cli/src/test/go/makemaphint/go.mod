module makemaphint

go 1.19
