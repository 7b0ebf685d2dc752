import GRDB
import PsyScreen
