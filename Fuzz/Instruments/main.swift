import FuzzSupport

FuzzSupport.runDriver { fuzzInstruments($0, $1) }
