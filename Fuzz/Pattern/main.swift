import FuzzSupport

FuzzSupport.runDriver { fuzzPattern($0, $1) }
