"""eqmorph.training"""
