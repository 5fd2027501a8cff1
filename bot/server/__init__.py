"""How RoleFit is served: `guard` is the HTTP front door (an ASGI app around the Bolt app),
`runners` serves it under uvicorn, or runs the same Bolt app over Socket Mode."""
