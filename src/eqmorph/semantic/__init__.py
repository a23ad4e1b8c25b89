"""eqmorph.semantic"""
