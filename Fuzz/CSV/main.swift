import FuzzSupport

FuzzSupport.runDriver { fuzzCSV($0, $1) }
