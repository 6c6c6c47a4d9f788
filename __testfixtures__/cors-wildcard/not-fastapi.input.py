from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins="*", supports_credentials=True)

# Documentation for the FastAPI service: CORSMiddleware with allow_origins=["*"] is not allowed.
ALLOWED = {"allow_origins": ["*"]}
