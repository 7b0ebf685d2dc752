import PsyScreen
