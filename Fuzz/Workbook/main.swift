import FuzzSupport

FuzzSupport.runDriver { fuzzWorkbook($0, $1) }
