"""eqmorph.io"""
