import CLibXML2
import Crypto
import Foundation
