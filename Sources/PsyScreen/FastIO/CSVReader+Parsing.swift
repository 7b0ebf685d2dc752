/// The byte-level record parser. It works on `input.base[input.start..<input.end]` and, when a record runs past
/// the end of what has been read, gives up and is called again from the record's start once more bytes are in:
/// re-parsing the start of one record per chunk is cheaper than keeping resumable state in the hot loop.
extension CSVReader {
    enum ParseResult { case record, needMore, end }

    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D
    private static let quote = UInt8(ascii: "\"")

    func parseRecord(atEOF: Bool) throws -> ParseResult {
        let lf = Self.lf, cr = Self.cr, quote = Self.quote
        let buffer = input.base
        let end = input.end
        var p = input.start
        var line = nextLine

        // Blank lines are skipped but counted.
        while p < end {
            let byte = buffer[p]
            if byte == lf {
                p += 1
            } else if byte == cr {
                if p + 1 < end {
                    p += buffer[p + 1] == lf ? 2 : 1
                } else if atEOF {
                    p += 1
                } else {
                    break  // CR at the end of the buffer: CRLF or not is decided by the next chunk
                }
            } else {
                break
            }
            line += 1
        }
        input.start = p
        nextLine = line
        if p == end { return atEOF ? .end : .needMore }
        if buffer[p] == cr { return .needMore }

        if delimiterByte == 0 {
            guard let byte = Self.detectDelimiter(buffer, from: p, to: end, atEOF: atEOF) else { return .needMore }
            setDelimiter(byte)
        }
        let delimiter = delimiterByte
        let firstLine = line
        if let plain = Self.plainRecord(buffer, from: p, end: end, delimiter: delimiter, spans: spans, capacity: spanCapacity) {
            // Nearly every record of a keyed-in sheet: no quote, one line, wholly in the buffer.
            var next = plain.terminator &+ 1
            if buffer[plain.terminator] == cr {
                if next < end {
                    if buffer[next] == lf { next &+= 1 }
                } else if !atEOF {
                    return .needMore  // CRLF or a lone CR: the next chunk decides
                }
            }
            input.start = next
            nextLine = line &+ 1
            recordCount = plain.count
            recordLine = firstLine
            return .record
        }
        let terminators = self.terminators
        var spans = self.spans
        var spanCapacity = self.spanCapacity
        var count = 0
        var flagged = 0  // fields that still need unescaping
        // Unquoted fields are scanned eight bytes at a time: `bits` flags the candidate terminators (see
        // `candidates`) in `buffer[wordStart..<scanned]` that are at or after `p`.
        let delimiterWord = UInt64(delimiter) &* 0x0101_0101_0101_0101
        var bits: UInt64 = 0
        var wordStart = p
        var scanned = p

        while true {
            var fieldStart = p
            var fieldEnd: Int
            var needsUnescape = false
            if p < end && buffer[p] == quote {
                var q = p + 1
                while true {  // find the closing quote, counting line breaks inside
                    if q >= end {
                        if atEOF { throw unterminatedQuote(line: firstLine, field: count + 1) }
                        return .needMore
                    }
                    let byte = buffer[q]
                    if byte == quote {
                        if q + 1 >= end {
                            if !atEOF { return .needMore }
                            break
                        }
                        if buffer[q + 1] != quote { break }
                        needsUnescape = true
                        q += 2
                        continue
                    }
                    if byte == lf {
                        line += 1
                    } else if byte == cr {
                        if q + 1 >= end {
                            if !atEOF { return .needMore }
                            line += 1
                        } else if buffer[q + 1] != lf {
                            line += 1
                        }
                    }
                    q += 1
                }
                p = q + 1
                if p < end && terminators[Int(buffer[p])] == 0 {
                    // Text after the closing quote (`"a"b`) is kept as it is, as Excel and Python's csv do.
                    needsUnescape = true
                    repeat { p += 1 } while p < end && terminators[Int(buffer[p])] == 0
                }
                if p == end && !atEOF { return .needMore }
                if needsUnescape {
                    fieldEnd = ~p  // negative: unescape once the record is complete
                    flagged += 1
                } else {
                    fieldStart += 1
                    fieldEnd = q
                }
                bits = 0  // the quoted scan moved `p` on its own; the next field starts after its terminator
                scanned = p < end ? p &+ 1 : end
            } else {
                search: while true {
                    while bits == 0 {
                        if scanned &+ 8 <= end {
                            wordStart = scanned
                            bits = Self.candidates(buffer + scanned, delimiterWord)
                            scanned &+= 8
                        } else {
                            // The last few bytes of the buffer, one at a time.
                            p = scanned
                            while p < end && terminators[Int(buffer[p])] == 0 { p &+= 1 }
                            if p == end && !atEOF { return .needMore }
                            scanned = p == end ? end : p &+ 1
                            break search
                        }
                    }
                    let candidate = wordStart &+ (bits.trailingZeroBitCount &>> 3)
                    bits &= bits &- 1
                    let byte = buffer[candidate]
                    if byte == delimiter || byte == lf || byte == cr {
                        p = candidate
                        break
                    }
                }
                fieldEnd = p
            }

            if count == spanCapacity {
                growSpans()
                spans = self.spans
                spanCapacity = self.spanCapacity
            }
            spans[2 &* count] = fieldStart
            spans[2 &* count &+ 1] = fieldEnd
            count &+= 1

            if p == end {  // only at EOF: a last record without a line break
                line += 1
                break
            }
            let byte = buffer[p]
            p &+= 1
            if byte == delimiter { continue }
            if byte == cr && p < end && buffer[p] == lf {
                p &+= 1
            } else if byte == cr && p == end && !atEOF {
                return .needMore
            }
            line += 1
            break
        }

        // The record is complete and will not be parsed again, so unescaping may now rewrite it in place.
        if flagged > 0 {
            for index in 0..<count where spans[2 * index + 1] < 0 {
                spans[2 * index + 1] = Self.unescape(buffer, from: spans[2 * index], to: ~spans[2 * index + 1])
            }
        }
        input.start = p
        nextLine = line
        recordCount = count
        recordLine = firstLine
        return .record
    }

    /// The fields of a record that has no quote and ends with a line break (LF or CR) inside the buffer, found
    /// eight bytes at a time: their spans are written and the terminator's position returned. `nil` decides
    /// nothing (a quote, the end of the buffer first, more fields than `capacity`): the general loop then parses
    /// the record from the same start.
    @inline(__always)
    private static func plainRecord(
        _ buffer: UnsafeMutablePointer<UInt8>, from start: Int, end: Int, delimiter: UInt8,
        spans: UnsafeMutablePointer<Int>, capacity: Int
    ) -> (count: Int, terminator: Int)? {
        let delimiterWord = UInt64(delimiter) &* 0x0101_0101_0101_0101
        let quoteWord: UInt64 = 0x2222_2222_2222_2222
        var count = 0
        var fieldStart = start
        var word = start
        while word &+ 8 <= end {
            let bytes = UInt64(littleEndian: UnsafeRawPointer(buffer + word).loadUnaligned(as: UInt64.self))
            var special = exactMatches(bytes, delimiterWord) | exactMatches(bytes, quoteWord) | belowFourteen(bytes)
            while special != 0 {
                let position = word &+ (special.trailingZeroBitCount &>> 3)
                special &= special &- 1
                let byte = buffer[position]
                if byte == delimiter || byte == lf || byte == cr {
                    guard count < capacity else { return nil }
                    spans[2 &* count] = fieldStart
                    spans[2 &* count &+ 1] = position
                    count &+= 1
                    if byte != delimiter { return (count, position) }
                    fieldStart = position &+ 1
                } else if byte == quote {
                    return nil
                }
                // Any other control character is text of the field.
            }
            word &+= 8
        }
        return nil
    }

    /// The high bit of each byte of `word` that equals the byte repeated in `pattern`, exactly (no carries).
    @inline(__always)
    private static func exactMatches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
    }

    /// The high bit of each byte of `word` below 0x0E (LF, CR and other control characters), exactly.
    @inline(__always)
    private static func belowFourteen(_ word: UInt64) -> UInt64 {
        ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7272_7272_7272_7272) | word) & 0x8080_8080_8080_8080
    }

    /// Flags (high bit of each byte) the bytes of the eight at `pointer` that may end an unquoted field: those
    /// equal to the delimiter or below 0x0E (LF and CR). It may flag a few more (a byte after a match, rare
    /// control characters) but never misses one; callers check each flagged byte.
    @inline(__always)
    private static func candidates(_ pointer: UnsafePointer<UInt8>, _ delimiterWord: UInt64) -> UInt64 {
        let word = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
        let control = (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word
        let difference = word ^ delimiterWord
        let delimiters = (difference &- 0x0101_0101_0101_0101) & ~difference
        return (control | delimiters) & 0x8080_8080_8080_8080
    }

    /// Rewrites the raw field `buffer[from..<to]`, which starts with a quote, as its value starting at `from`;
    /// returns the value's end. Inside the quotes `""` is one quote; after the closing quote everything is literal.
    private static func unescape(_ buffer: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        var read = from + 1
        var write = from
        var quoted = true
        while read < to {
            let byte = buffer[read]
            read += 1
            if quoted && byte == quote {
                if read < to && buffer[read] == quote {
                    read += 1
                } else {
                    quoted = false
                    continue
                }
            }
            buffer[write] = byte
            write += 1
        }
        return write
    }

    /// Picks the delimiter from the header line: the most frequent of `,` `;` tab outside quotes; ties and
    /// none go to comma. `nil` if the line is not complete yet.
    private static func detectDelimiter(_ buffer: UnsafePointer<UInt8>, from: Int, to end: Int, atEOF: Bool) -> UInt8? {
        var commas = 0, semicolons = 0, tabs = 0
        var quoted = false
        var p = from
        scan: while p < end {
            switch buffer[p] {
            case quote: quoted.toggle()
            case lf where !quoted, cr where !quoted: break scan
            case UInt8(ascii: ","): if !quoted { commas += 1 }
            case UInt8(ascii: ";"): if !quoted { semicolons += 1 }
            case UInt8(ascii: "\t"): if !quoted { tabs += 1 }
            default: break
            }
            p += 1
        }
        if p == end && !atEOF { return nil }
        if tabs > commas && tabs > semicolons { return UInt8(ascii: "\t") }
        if semicolons > commas { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }

    private func unterminatedQuote(line: Int, field: Int) -> InputError {
        InputError(
            at: SourceLocation(file: input.name, line: line),
            RecordMessage.quoteNeverClosed(field: field))
    }
}
