"""eqmorph.core"""
