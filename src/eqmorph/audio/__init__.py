"""eqmorph.audio"""
