"""eqmorph.language"""
