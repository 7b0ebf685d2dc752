import FuzzSupport

FuzzSupport.runDriver { fuzzExchange($0, $1) }
