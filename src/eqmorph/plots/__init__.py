"""eqmorph.plots"""
