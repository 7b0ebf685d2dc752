import CLibXML2
import Crypto
